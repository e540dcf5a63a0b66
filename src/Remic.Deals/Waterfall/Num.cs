using System.Numerics;
using System.Runtime.CompilerServices;

namespace Remic.Deals.Waterfall;

/// <summary>
/// The few numeric helpers the interpreter needs beyond <see cref="IFloatingPoint{T}"/>. The typeof tests
/// are JIT-time constants, so the double projection pays nothing for the decimal trustee's cent rounding.
/// </summary>
internal static class Num<T> where T : unmanaged, IFloatingPoint<T>
{
    public static readonly T Zero = T.Zero;
    public static readonly T One = T.One;
    public static readonly T Twelve = T.CreateChecked(12);
    public static readonly T Hundred = T.CreateChecked(100);
    public static readonly T D360 = T.CreateChecked(360);
    /// <summary>The 30/360 month: divided once here rather than for every class every period (same value).</summary>
    public static readonly T OneTwelfth = T.One / Twelve;

    /// <summary>Amounts below this are zero: 1e-7 dollars in double (float noise), exactly zero in decimal.</summary>
    public static readonly T Tiny = typeof(T) == typeof(decimal) ? T.Zero : T.CreateChecked(1e-7);
    public static readonly T HalfCent = T.CreateChecked(0.005);

    public static T Of(decimal d) => T.CreateChecked(d);
    public static T Of(double d) => T.CreateChecked(d);
    public static T Pct(decimal percent) => T.CreateChecked(percent / 100m);

    /// <summary>Money amounts: rounded to the cent for the trustee (decimal), untouched in double projections.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per class per step; profiles showed Pos not inlined
    public static T Cents(T x) => typeof(T) == typeof(decimal) ? T.Round(x, 2, MidpointRounding.AwayFromZero) : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min(T a, T b) => a < b ? a : b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max(T a, T b) => a > b ? a : b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Pos(T a) => a > Tiny ? a : T.Zero;
    public static double D(T x) => double.CreateChecked(x);

    /// <summary>
    /// A reference to <paramref name="a"/>'s first element for a loop over its first <paramref name="n"/> elements by
    /// <see cref="Unsafe.Add{T}(ref T, int)"/>: the length is checked here, once, instead of at every element (a long per-class loop
    /// reloaded each array from the stack for its bounds check).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref TE Data<TE>(TE[] a, int n)
    {
        if ((uint)a.Length < (uint)n) ThrowShort();
        return ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a);
    }

    /// <inheritdoc cref="Data{TE}(TE[], int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref TE Data<TE>(Span<TE> a, int n)
    {
        if ((uint)a.Length < (uint)n) ThrowShort();
        return ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
    }

    private static void ThrowShort() => throw new IndexOutOfRangeException("an array is shorter than the deal's classes or groups");

    /// <summary>
    /// Every element of <paramref name="a"/> to zero, inline: the interpreter clears a score of arrays of a few to a few dozen
    /// elements each date, where a call to the span clear (not inlined for a length unknown to the JIT) cost more than the stores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(T[] a)
    {
        ref var p = ref Unsafe.As<T, byte>(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a));
        var n = (nuint)a.Length * (nuint)Unsafe.SizeOf<T>(); // a multiple of 8: T is double or decimal
        nuint i = 0;
        for (; i + 32 <= n; i += 32) System.Runtime.Intrinsics.Vector256.StoreUnsafe(System.Runtime.Intrinsics.Vector256<byte>.Zero, ref p, i);
        for (; i < n; i += 8) Unsafe.WriteUnaligned(ref Unsafe.Add(ref p, i), 0UL);
    }
}
