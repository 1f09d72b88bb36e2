namespace Onigwrap
{
    public interface IOnigCaptureIndex
    {
        int Index { get; }

        int Start { get; }

        int End { get; }

        int Length { get; }
    }
}
