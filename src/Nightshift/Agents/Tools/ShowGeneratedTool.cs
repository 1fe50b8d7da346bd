using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>
/// show_generated: runs the probe's steps on one corpus item of the worktree as it is now (the generator rebuilt first)
/// and shows what they generated, numbered, with the diagnostics: how the agent sees the effect of a generator edit.
/// </summary>
internal sealed class ShowGeneratedTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "show_generated",
        "Generate one corpus item with the repository's generator as it is now (rebuilt first) and show the generated files and their diagnostics. Use it to see what your generator change produces.",
        ToolParameter.String("item", "The corpus item (input file) to generate, relative to the worktree root, e.g. the item a diagnostic says it was generated from.", required: true));

    public async Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var item = context.Paths.Relative(context.Paths.Resolve(arguments.RequiredString("item")));
        if (await context.Checks.GenerateAsync(item, cancellationToken).ConfigureAwait(false) is not { } output)
        {
            return new ToolObservation($"{item} is not an item of this repository's corpus, or this task has no corpus: nothing is generated.");
        }

        var text = new StringBuilder();
        foreach (var (path, content) in output.Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{path}:\n");
            var number = 0;
            foreach (var line in content.Split('\n'))
            {
                text.Append(CultureInfo.InvariantCulture, $"{++number,5} | {line}\n");
            }
        }

        if (output.Files.Count == 0)
        {
            text.Append("The steps wrote no text file for this item.\n");
        }

        return new ToolObservation($"Generated {item}.\n{text}\n{DiagnosticText.Render(output.Diagnostics)}");
    }
}
