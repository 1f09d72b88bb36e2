using System.CommandLine;
using System.Net;
using RoadmapGen.Serve;

namespace RoadmapGen.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var templates = CommonOptions.Templates();
        var port = new Option<int>("--port") { Description = "The port to listen on (0: any free port)", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "The address to listen on; 0.0.0.0 makes the preview reachable from other machines", DefaultValueFactory = _ => "127.0.0.1" };
        var basePath = CommonOptions.BasePath();
        var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of an internal error (for a bug report)" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be between 0 and 65535");
        });
        var command = new Command("serve", "Build in memory, serve the site, and rebuild and reload the page on every save") { content, templates, port, host, basePath, verbose };
        command.SetAction((parse, cancel) =>
        {
            var options = new ServeOptions(parse.GetValue(content)!, parse.GetValue(templates)!, parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(basePath)!, parse.GetValue(verbose));
            return RunAsync(options, Console.Out, cancel);
        });
        return command;
    }

    /// <summary>Serves until <paramref name="cancel"/> fires (Ctrl+C).</summary>
    public static async Task<int> RunAsync(ServeOptions options, TextWriter console, CancellationToken cancel)
    {
        DevServer? server;
        try
        {
            server = await DevServer.StartAsync(options, console, cancel);
        }
        catch (ArgumentException e)
        {
            console.WriteLine(e.Message);
            return 1;
        }
        catch (IOException e)
        {
            console.WriteLine($"cannot listen on {options.Host}:{options.Port}: {e.Message} (pass --port with another port, or --port 0 for any free one)");
            return 1;
        }
        if (server is null) return 1;
        await using (server)
        {
            console.WriteLine($"serving {server.HomeUrl} (rebuilds and reloads on every save in {options.Content}/ or {options.Templates}/; Ctrl+C stops)");
            if (IPAddress.TryParse(server.Address.Host.Trim('[', ']'), out var ip) && !IPAddress.IsLoopback(ip))
                console.WriteLine($"note: listening on {ip}, so other machines on the network can open this preview");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }
        }
        console.WriteLine("stopped");
        return 0;
    }
}
