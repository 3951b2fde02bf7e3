// Intrinsics with `#[rustc_legacy_const_generics]`: `_mm_shuffle_ps(a, b, MASK)` passes its
// last argument as the const generic `MASK` (a literal, a constant expression, a named
// constant, the caller's own const parameter), not as an operand (glam's SSE2 vectors).
#[cfg(target_arch = "x86_64")]
mod sse {
    use std::arch::x86_64::*;

    const REVERSE: i32 = 0b00_01_10_11;

    fn floats(v: __m128) -> [f32; 4] {
        let mut out = [0f32; 4];
        unsafe { _mm_storeu_ps(out.as_mut_ptr(), v) };
        out
    }

    fn ints(v: __m128i) -> [i32; 4] {
        let mut out = [0i32; 4];
        unsafe { _mm_storeu_si128(out.as_mut_ptr() as *mut __m128i, v) };
        out
    }

    fn splat_lane<const L: i32>(v: __m128i) -> __m128i {
        unsafe { _mm_shuffle_epi32(v, L) }
    }

    pub fn run() {
        unsafe {
            let a = _mm_set_ps(4.0, 3.0, 2.0, 1.0);
            let b = _mm_set_ps(40.0, 30.0, 20.0, 10.0);
            println!("{:?}", floats(_mm_shuffle_ps(a, b, 0b11_10_01_00)));
            println!("{:?}", floats(_mm_shuffle_ps(a, a, REVERSE)));
            println!("{:?}", floats(_mm_shuffle_ps(a, b, (3 << 6) | (2 << 4) | 1)));
            let sum = _mm_add_ps(a, _mm_shuffle_ps(a, a, 0b00_11_00_01));
            let sum = _mm_add_ps(sum, _mm_shuffle_ps(sum, sum, 0b00_00_00_10));
            println!("{}", _mm_cvtss_f32(sum));
            let i = _mm_set_epi32(4, 3, 2, 1);
            println!("{:?}", ints(_mm_shuffle_epi32(i, 0b00_00_00_11)));
            println!("{:?}", ints(_mm_slli_epi32(i, 4)));
            println!("{:?}", ints(_mm_srli_si128(i, 4)));
            println!("{}", _mm_extract_epi16(i, 2));
            println!("{:?}", ints(_mm_insert_epi16(i, 77, 0)));
            println!("{:?}", ints(splat_lane::<0b10_10_10_10>(i)));
        }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    sse::run();
}
