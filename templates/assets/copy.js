// Copy buttons for code blocks. Without JavaScript there is no button (the code can still be selected).
(() => {
  const blocks = document.querySelectorAll(".code-block");
  if (!blocks.length || !navigator.clipboard) return;
  // One live region per page says "Copied" to screen readers.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.id = "copy-status";
  document.body.append(status);
  for (const block of blocks) {
    const code = block.querySelector("code");
    if (!code) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button secondary";
    button.textContent = "Copy";
    const name = block.querySelector("pre")?.getAttribute("aria-label") || "Code";
    button.setAttribute("aria-label", "Copy " + name.replace(/^Code: /, "") + " code");
    if (name === "Code") button.setAttribute("aria-label", "Copy code");
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code.textContent.replace(/\n$/, ""));
        status.textContent = "";
        status.textContent = "Copied";
        button.textContent = "Copied";
      } catch (e) {
        status.textContent = "Could not copy: select the code and copy it instead";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 2000);
    });
    block.classList.add("has-copy");
    block.prepend(button);
  }
})();
