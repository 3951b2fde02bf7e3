// SSE/SSE2 float compares and min/max (`llvm.x86.sse.cmp.ps` & co., which core::arch
// imports by `link_name`; glam's `abs_diff_eq` uses them): every predicate, NaNs, signed
// zeros, and the scalar forms that keep the first operand's upper lanes.
#[cfg(target_arch = "x86_64")]
mod sse {
    use std::arch::x86_64::*;

    fn bits_ps(v: __m128) -> [u32; 4] {
        let mut out = [0f32; 4];
        unsafe { _mm_storeu_ps(out.as_mut_ptr(), v) };
        out.map(f32::to_bits)
    }

    fn bits_pd(v: __m128d) -> [u64; 2] {
        let mut out = [0f64; 2];
        unsafe { _mm_storeu_pd(out.as_mut_ptr(), v) };
        out.map(f64::to_bits)
    }

    pub fn run() {
        unsafe {
            let a = _mm_set_ps(f32::NAN, -0.0, 2.0, 1.0);
            let b = _mm_set_ps(1.0, 0.0, 2.0, 3.0);
            println!("eq {:08x?}", bits_ps(_mm_cmpeq_ps(a, b)));
            println!("lt {:08x?}", bits_ps(_mm_cmplt_ps(a, b)));
            println!("le {:08x?}", bits_ps(_mm_cmple_ps(a, b)));
            println!("unord {:08x?}", bits_ps(_mm_cmpunord_ps(a, b)));
            println!("neq {:08x?}", bits_ps(_mm_cmpneq_ps(a, b)));
            println!("nlt {:08x?}", bits_ps(_mm_cmpnlt_ps(a, b)));
            println!("nle {:08x?}", bits_ps(_mm_cmpnle_ps(a, b)));
            println!("ord {:08x?}", bits_ps(_mm_cmpord_ps(a, b)));
            println!("gt {:08x?}", bits_ps(_mm_cmpgt_ps(a, b)));
            println!("lt_ss {:08x?}", bits_ps(_mm_cmplt_ss(a, b)));
            println!("max {:08x?}", bits_ps(_mm_max_ps(a, b)));
            println!("min {:08x?}", bits_ps(_mm_min_ps(a, b)));
            println!("max_ss {:08x?}", bits_ps(_mm_max_ss(b, a)));
            println!("min_ss {:08x?}", bits_ps(_mm_min_ss(a, b)));
            let c = _mm_set_pd(f64::NAN, -1.5);
            let d = _mm_set_pd(0.0, -1.5);
            println!("eq_pd {:016x?}", bits_pd(_mm_cmpeq_pd(c, d)));
            println!("nle_pd {:016x?}", bits_pd(_mm_cmpnle_pd(c, d)));
            println!("lt_sd {:016x?}", bits_pd(_mm_cmplt_sd(d, c)));
            println!("max_pd {:016x?}", bits_pd(_mm_max_pd(c, d)));
            println!("min_sd {:016x?}", bits_pd(_mm_min_sd(c, d)));
            println!("{}", _mm_movemask_ps(_mm_cmpge_ps(a, b)));
        }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    sse::run();
}
