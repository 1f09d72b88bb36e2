using RoadmapGen.Diagnostics;

namespace RoadmapGen.Load;

/// <summary>
/// Stage ids are element ids of the roadmap page and the #fragments of its stages' links, so
/// each must be unique within its roadmap and free of the ids the page uses itself. A clash is
/// an error at the stage's line in roadmap.yml, not a renamed id: a reader's bookmark of
/// "#databases" must not move to another stage because a stage was added above it.
/// </summary>
internal sealed class StageIds(string display, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, (int Number, string Title, int Line, int Column)> _taken = new(StringComparer.Ordinal);

    /// <param name="written">Whether the id was written as 'id:' rather than made from the title.</param>
    public void Claim(string id, bool written, int number, string title, int line, int column)
    {
        var source = written ? $"stage id '{id}'" : $"stage '{title}' gets the id '{id}' from its title, and that id";
        var fix = $"give this stage an 'id:' of its own, e.g. 'id: {Suggest(id)}'";
        if (_taken.TryGetValue(id, out var first))
            diagnostics.Error(Codes.StageIdTaken, display, line, column,
                $"{source} is also the id of stage {first.Number} '{first.Title}' (line {first.Line}), so both stages' links would open the first ({fix})");
        else if (PageIds.Fixed.Contains(id))
            diagnostics.Error(Codes.StageIdTaken, display, line, column,
                $"{source} is an id the roadmap page uses itself ({fix})");
        else
            _taken[id] = (number, title, line, column);
    }

    /// <summary>
    /// A pick-one group's id ("choice-python") and its menu's ("pick-choice-python") are element ids
    /// of the same page, which the roadmap page's template writes: a clash is reported here, at the
    /// stage's line, since roadmap.yml is where it is fixed.
    /// </summary>
    public void AgainstChoices(IEnumerable<string> choiceIds)
    {
        foreach (var id in choiceIds)
        {
            if (_taken.TryGetValue(id, out var stage))
                diagnostics.Error(Codes.StageIdTaken, display, stage.Line, stage.Column,
                    $"stage {stage.Number} '{stage.Title}' has the id '{id}', which is also the id of a pick-one group (made from its first topic) on the roadmap page (give this stage an 'id:' of its own, e.g. 'id: {Suggest(id)}')");
            var menu = PageIds.MenuOf(id);
            if (_taken.TryGetValue(menu, out stage))
                diagnostics.Error(Codes.StageIdTaken, display, stage.Line, stage.Column,
                    $"stage {stage.Number} '{stage.Title}' has the id '{menu}', which is also the id of the menu for picking a topic of the pick-one group '{id}' (made from its first topic) on the roadmap page (give this stage an 'id:' of its own, e.g. 'id: {Suggest(menu)}')");
        }
    }

    private string Suggest(string id)
    {
        var stem = PageIds.Fixed.Contains(id) || id.StartsWith(PageIds.ChoicePrefix, StringComparison.Ordinal) || id.StartsWith(PageIds.MenuOf(PageIds.ChoicePrefix), StringComparison.Ordinal)
            ? id + "-stage" : id;
        var candidate = stem;
        for (var n = 2; _taken.ContainsKey(candidate) || candidate == id; n++) candidate = $"{stem}-{n}";
        return candidate;
    }
}
