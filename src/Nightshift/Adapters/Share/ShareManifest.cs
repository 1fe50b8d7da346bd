namespace Nightshift.Adapters.Share;

/// <summary>
/// <c>share.json</c>: what a Share folder holds, for people and for reading it back. Basis and coefficients live in
/// <c>basis.safetensors</c> and <c>families/&lt;name&gt;/coefficients.safetensors</c> next to it.
/// </summary>
public sealed record ShareManifest(
    string Format,
    string Method,
    double Variance,
    int Rank,
    IReadOnlyList<ShareManifestModule> Modules,
    IReadOnlyList<ShareManifestFamily> Families,
    ShareManifestParameters Parameters)
{
    public const string FileName = "share.json";
    public const string CurrentFormat = "nightshift-share/1";
    public const string PaperMethod = "Share, arXiv 2602.06043: SVD of the stacked lora_B and transposed lora_A factors per module, no mean-centring, analytic coefficients";
}
