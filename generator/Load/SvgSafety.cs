using System.Text.RegularExpressions;
using System.Xml;
using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// An SVG is a document, not a picture: opened on its own (its URL is public) it runs its
/// script with the site's origin, and no Content-Security-Policy comes with a static file.
/// So an SVG is refused, at its line, unless every element is a drawing element on this list,
/// no attribute is an event handler, and every reference (href, CSS <c>url()</c>) stays
/// inside the file. Fail closed: anything unknown is refused, not ignored.
/// </summary>
public static partial class SvgSafety
{
    private static readonly HashSet<string> Drawing = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "textPath", "marker", "linearGradient", "radialGradient",
        "stop", "clipPath", "mask", "pattern", "style", "filter", "feGaussianBlur", "feOffset", "feBlend",
        "feFlood", "feComposite", "feMerge", "feMergeNode", "feColorMatrix", "feDropShadow", "switch",
    };

    /// <summary>Editors' own bookkeeping (Inkscape, Sodipodi): inert, and common in saved diagrams.</summary>
    private static readonly HashSet<string> EditorNamespaces = new(StringComparer.Ordinal)
    {
        "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    };

    [GeneratedRegex(@"url\(\s*(?!['""]?#)|@import", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideReference();

    private const string Hint = "(export the drawing again as plain SVG, or as PNG)";

    public static bool Check(byte[] bytes, string displayPath, DiagnosticBag diagnostics)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var info = (IXmlLineInfo)reader;
        bool Refuse(string what)
        {
            diagnostics.Error(Codes.UnsafeSvg, displayPath, info.LineNumber, info.LinePosition, $"{what} {Hint}");
            return false;
        }
        try
        {
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA)
                {
                    if (OutsideReference().IsMatch(reader.Value)) return Refuse("the SVG's CSS refers to something outside the file");
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot && reader.LocalName != "svg") return Refuse($"this is not an SVG drawing: its root element is <{reader.Name}>");
                sawRoot = true;
                if (reader.LocalName == "metadata" || EditorNamespaces.Contains(reader.NamespaceURI))
                {
                    if (!reader.IsEmptyElement) reader.Skip();
                    continue;
                }
                if (!Drawing.Contains(reader.LocalName))
                    return Refuse($"the SVG holds <{reader.Name}>, which a diagram does not need and which could run or load something");
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                        return Refuse($"the SVG has an event-handler attribute '{reader.Name}', which runs script");
                    if (reader.LocalName == "href" && !reader.Value.TrimStart().StartsWith('#'))
                        return Refuse($"the SVG refers to '{reader.Value}' outside the file");
                    if (OutsideReference().IsMatch(reader.Value))
                        return Refuse($"the SVG's attribute '{reader.Name}' refers to something outside the file");
                }
                reader.MoveToElement();
            }
            return sawRoot || Refuse("the file holds no SVG drawing");
        }
        catch (XmlException e)
        {
            diagnostics.Error(Codes.UnsafeSvg, displayPath, e.LineNumber, e.LinePosition,
                $"the SVG cannot be read as XML: {e.Message.Split(" Line ")[0].TrimEnd('.', ' ')} {Hint}");
            return false;
        }
    }
}
