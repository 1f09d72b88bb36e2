using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoadmapGen.Serve;

// What serve sends to open pages over server-sent events (read by ReloadScript), with
// serializers generated at compile time, so they work in the native binary.

public sealed record ReloadMessage(string Version, int Changed);

public sealed record StateMessage(string? Version, bool LastGood, int Errors, int Warnings, string Text, IReadOnlyList<DiagnosticMessage> Diagnostics);

public sealed record DiagnosticMessage(string Severity, string Code, string File, int Line, int Column, string Message, string Text);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReloadMessage))]
[JsonSerializable(typeof(StateMessage))]
internal sealed partial class ServeJson : JsonSerializerContext;
