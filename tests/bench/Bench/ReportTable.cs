using System.Text;

namespace RoadmapGen.Bench;

/// <summary>A plain-text table with aligned columns (numbers right-aligned).</summary>
public sealed class ReportTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params string[] cells) => rows.Add(cells);

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Select(r => i < r.Length ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells, bool header)
        {
            sb.Append("  ");
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < cells.Count ? cells[i] : "";
                var right = !header && i > 0 && cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '-' or '—');
                sb.Append(right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
                sb.Append(i + 1 < widths.Length ? " | " : "");
            }
            sb.Append('\n');
        }
        Line(headers, true);
        sb.Append("  ").AppendJoin("-|-", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in rows)
        {
            Line(row, false);
        }
        return sb.ToString();
    }
}
