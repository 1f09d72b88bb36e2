using System.Text;

namespace RoadmapGen.Bench;

/// <summary>What the run says: printed as it goes, kept for report.txt, with notes and a failed flag for the exit code.</summary>
public sealed class Report
{
    private readonly StringBuilder text = new();
    private readonly List<string> notes = [];

    public bool Failed { get; private set; }

    public void Say(string line = "")
    {
        Console.WriteLine(line);
        text.AppendLine(line);
    }

    /// <summary>A note printed at the end; <paramref name="fails"/> makes the run exit 1.</summary>
    public void Note(string note, bool fails = false)
    {
        notes.Add(note);
        Failed |= fails;
    }

    public void SayNotes()
    {
        foreach (var note in notes)
        {
            Say("Note: " + note);
        }
    }

    public void Save(string file) => File.WriteAllText(file, text.ToString());
}
