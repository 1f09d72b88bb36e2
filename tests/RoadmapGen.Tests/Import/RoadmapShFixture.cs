namespace RoadmapGen.Tests.Import;

/// <summary>
/// A small roadmap written in roadmap.sh's content format (made up here, not their content):
/// src/data/roadmaps/&lt;id&gt;/&lt;id&gt;.md, content/&lt;slug&gt;@&lt;nodeId&gt;.md and the diagram &lt;id&gt;.json.
/// </summary>
public sealed class RoadmapShFixture : IDisposable
{
    public string Root { get; } = TestPaths.NewTempDir();
    public string Source => Path.Combine(Root, "checkout");
    public string Out => Path.Combine(Root, "out");
    public string RoadmapDir => Path.Combine(Source, "src", "data", "roadmaps", "kettle");

    public RoadmapShFixture()
    {
        Directory.CreateDirectory(Path.Combine(RoadmapDir, "content"));
        File.WriteAllText(Path.Combine(RoadmapDir, "kettle.md"), """
            ---
            title: 'Kettle Roadmap'
            description: 'Step by step guide to boiling water'
            ---
            """);
        Topic("water@n1", "Water", "Water is wet. It boils at 100 °C at sea level.", "- [@official@Water facts](https://water.example.org/facts)", "- [@feed@Daily water](https://feed.example.org/)");
        Topic("heat@n2", "Heat", "Heat makes things warm! See [energy](https://energy.example.org).", "- [@opensource@Thermo](https://github.com/example/thermo)");
        Topic("steam@n3", "Steam", "Steam is water as a gas.", "- [@video@Steam](https://video.example.org/steam)");
        Topic("kettles@n4", "Kettles", "A kettle boils water.", "- [@book@Kettles](https://books.example.org/kettles)");
        Topic("Main@n5", "Main", "The main thing.", "- [@article@Main](https://main.example.org/)");
        Topic("tea@n6", "Tea", "Tea needs hot water.", "- [@course@Tea](https://tea.example.org/)");
        Topic("main@n7", "Main again", "Another one named main.");
        File.WriteAllText(Path.Combine(RoadmapDir, "kettle.json"), """
            {
              "nodes": [
                { "id": "n1", "type": "topic", "position": { "x": 0, "y": 0 }, "data": { "label": "Basics" } },
                { "id": "n2", "type": "subtopic", "position": { "x": 300, "y": 10 }, "data": { "label": "Heat" } },
                { "id": "n4", "type": "topic", "position": { "x": 0, "y": 400 }, "data": { "label": "Basics" } },
                { "id": "n3", "type": "subtopic", "position": { "x": -300, "y": 390 }, "data": { "label": "Steam" } },
                { "id": "n5", "type": "subtopic", "position": { "x": 280, "y": 60 }, "data": { "label": "Main" } },
                { "id": "n9", "type": "subtopic", "position": { "x": 0, "y": 900 }, "data": { "label": "Gone" } },
                { "id": "x1", "type": "paragraph", "position": { "x": 0, "y": 0 }, "data": { "label": "Text" } }
              ],
              "edges": [ { "id": "e1", "source": "n4", "target": "n5" } ]
            }
            """);
    }

    public void Topic(string name, string title, string paragraph, params string[] resources) =>
        File.WriteAllText(Path.Combine(RoadmapDir, "content", name + ".md"),
            $"# {title}\n\n{paragraph}\n\nVisit the following resources to learn more:\n\n{string.Join("\n", resources)}\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
