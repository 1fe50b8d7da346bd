using System.Globalization;
using System.Text;
using Nightshift.Adapters.Share;
using Nightshift.Workloads.Learn;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift adapters consolidate</c> and <c>add</c> print: basis sizes per module and the parameter counts.</summary>
internal static class AdaptersView
{
    public static string Text(ShareManifest manifest, string folder)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Share of {manifest.Families.Count} family(ies) in {folder}: r={manifest.Rank}, keeping {LearnFormat.Percent(manifest.Variance)} of the variance");
        text.AppendLine(CultureInfo.InvariantCulture, $"  families: {string.Join(", ", manifest.Families.Select(f => f.Name))}");
        var width = Math.Max(6, manifest.Modules.Max(m => m.Name.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"module".PadRight(width)}  {"k_B",4} {"k_A",4}  {"kept B",7} {"kept A",7}");
        foreach (var module in manifest.Modules)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {module.Name.PadRight(width)}  {module.BasisB,4} {module.BasisA,4}  {LearnFormat.Percent(module.ExplainedB),7} {LearnFormat.Percent(module.ExplainedA),7}");
        }

        var p = manifest.Parameters;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  parameters: {p.Adapters:N0} in the adapters, {p.Share:N0} in the Share (basis {p.Basis:N0} + coefficients {p.Coefficients:N0}): {p.Reduction:0.0}× fewer");
        return text.ToString();
    }

    /// <summary>The line <c>add</c> starts with: how many basis directions the new family brought.</summary>
    public static string Growth(ShareManifest before, ShareManifest after, string family)
    {
        var was = before.Modules.Sum(m => m.BasisB + m.BasisA);
        var now = after.Modules.Sum(m => m.BasisB + m.BasisA);
        return string.Create(CultureInfo.InvariantCulture, $"Added family {family}: the basis has {now} direction(s) over all modules, {now - was:+0;-0;0} from {was}\n");
    }
}
