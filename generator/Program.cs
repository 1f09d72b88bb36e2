using System.CommandLine;
using RoadmapGen.Cli;

var root = new RootCommand("RoadmapGen: builds the roadmap website from Markdown and YAML, and checks every link.")
{
    BuildCommand.Create(),
    CheckCommand.Create(),
    ServeCommand.Create(),
    NewCommand.Create(),
    ImportCommand.Create(),
    TranslationsCommand.Create(),
};
return root.Parse(args).Invoke();
