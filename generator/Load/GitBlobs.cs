using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RoadmapGen.Load;

/// <summary>
/// Old versions of files, read from git in one <c>git cat-file --batch</c> (one process however
/// many files): what a source said at the commit its translation was made from.
/// </summary>
public static class GitBlobs
{
    /// <param name="specs">"commit:path" with the path relative to the repository's root.</param>
    /// <returns>Each spec's text; a spec git does not have (the file did not exist then) is left out.</returns>
    public static IReadOnlyDictionary<string, string> Read(string workingDirectory, IReadOnlyList<string> specs)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (specs.Count == 0) return texts;
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "cat-file", "--batch" }) start.ArgumentList.Add(arg);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start);
            if (process is null) return texts;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var read = Task.Run(() => Parse(process.StandardOutput.BaseStream, specs, texts));
            // Names never hold a newline (git would not either), so each is one request line.
            foreach (var spec in specs) process.StandardInput.Write(spec.Replace('\n', ' ') + "\n");
            process.StandardInput.Close();
            if (!process.WaitForExit(ChangeDates.GitTimeout) || !read.Wait(ChangeDates.GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                texts.Clear();
            }
        }
        catch (Exception e) when (e is Win32Exception or IOException)
        {
            // No git, or it ended early: the summary of what changed is left out, the count stays.
        }
        return texts;
    }

    /// <summary>Per request: "&lt;hash&gt; blob &lt;size&gt;\n", the bytes, "\n"; or "&lt;spec&gt; missing\n".</summary>
    private static void Parse(Stream output, IReadOnlyList<string> specs, Dictionary<string, string> texts)
    {
        var reader = new BufferedStream(output);
        foreach (var spec in specs)
        {
            var header = ReadLine(reader);
            if (header is null) return;
            var parts = header.Split(' ');
            if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)) continue;
            var bytes = new byte[size];
            reader.ReadExactly(bytes);
            reader.ReadByte();
            if (parts[1] == "blob") texts[spec] = Encoding.UTF8.GetString(bytes);
        }
    }

    private static string? ReadLine(Stream stream)
    {
        var line = new List<byte>();
        while (stream.ReadByte() is var b && b >= 0)
        {
            if (b == '\n') return Encoding.UTF8.GetString(line.ToArray());
            line.Add((byte)b);
        }
        return line.Count == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
    }
}
