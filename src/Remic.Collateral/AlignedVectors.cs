using System.Numerics;
using System.Runtime.CompilerServices;

namespace Remic.Collateral;

/// <summary>
/// An array of <see cref="Vector{T}"/> whose first element sits on a 64-byte boundary, so no vector load or
/// store of the SIMD kernel straddles two cache lines (a managed array's data is only 8-byte aligned: half of
/// its 32-byte vectors would cross a line, each costing two accesses). Backed by a pinned managed array (the
/// pinned object heap: it never moves, and the GC frees it with its owner).
/// </summary>
internal sealed unsafe class AlignedVectors
{
    private const int Alignment = 64;
    private readonly double[] _storage;
    private readonly Vector<double>* _first;

    public int Length { get; }

    public AlignedVectors(int length)
    {
        Length = length;
        var width = Vector<double>.Count;
        _storage = GC.AllocateArray<double>(length * width + Alignment / sizeof(double), pinned: true);
        var address = (nint)Unsafe.AsPointer(ref _storage[0]);
        _first = (Vector<double>*)(address + ((Alignment - (address & (Alignment - 1))) & (Alignment - 1)));
    }

    /// <summary>Vectors [<paramref name="offset"/>, +<paramref name="length"/>) of <paramref name="block"/>, sharing its storage.</summary>
    public AlignedVectors(AlignedVectors block, int offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > block.Length) throw new ArgumentOutOfRangeException(nameof(length));
        _storage = block._storage;
        _first = block._first + offset;
        Length = length;
    }

    public ref Vector<double> this[int i]
    {
        get
        {
            if ((uint)i >= (uint)Length) throw new IndexOutOfRangeException();
            return ref _first[i];
        }
    }

    /// <summary>Element <paramref name="i"/> and the elements after it, unchecked: the caller keeps inside <see cref="Length"/>.</summary>
    public ref Vector<double> At(int i) => ref _first[i];

    public void CopyTo(int from, AlignedVectors into, int count)
    {
        if ((uint)from + (uint)count > (uint)Length || (uint)count > (uint)into.Length) throw new ArgumentOutOfRangeException(nameof(count));
        new ReadOnlySpan<Vector<double>>(_first + from, count).CopyTo(new Span<Vector<double>>(into._first, count));
    }
}
