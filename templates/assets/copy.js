// Copy buttons for code blocks. Without JavaScript there is no button (the code can still be selected).
(() => {
  const blocks = document.querySelectorAll(".code-block"), t = globalThis.roadmapgenText;
  if (!blocks.length || !navigator.clipboard || !t) return;
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
    button.textContent = t("js.copy");
    const name = block.querySelector("pre")?.getAttribute("aria-label") || "Code";
    button.setAttribute("aria-label", name === "Code" ? t("js.copy_code") : t("js.copy_named", { name: name.replace(/^Code: /, "") }));
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code.textContent.replace(/\n$/, ""));
        status.textContent = "";
        status.textContent = button.textContent = t("js.copied");
      } catch (e) {
        status.textContent = t("js.copy_failed");
      }
      setTimeout(() => { button.textContent = t("js.copy"); }, 2000);
    });
    block.classList.add("has-copy");
    block.prepend(button);
  }
})();
