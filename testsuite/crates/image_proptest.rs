// Images encoded and decoded in memory (image: PNG, BMP, PPM; pixel types and generic
// buffers; imageproc-like pixel loops), and property-based testing with a deterministic
// runner (proptest: strategies, shrinking).
//@ dep: image = { version = "=0.25.5", default-features = false, features = ["png", "bmp", "pnm", "gif"] }
//@ dep: proptest = { version = "=1.5.0", default-features = false, features = ["std"] }
use image::{GenericImage, GenericImageView, ImageBuffer, ImageFormat, Luma, Rgb, Rgba, RgbImage};
use std::io::Cursor;

fn image_part() {
    let mut img: RgbImage = ImageBuffer::from_fn(32, 24, |x, y| Rgb([(x * 8) as u8, (y * 10) as u8, ((x + y) % 256) as u8]));
    img.put_pixel(3, 4, Rgb([255, 0, 255]));
    println!("{:?} {:?}", img.dimensions(), img.get_pixel(3, 4));
    for fmt in [ImageFormat::Png, ImageFormat::Bmp, ImageFormat::Pnm, ImageFormat::Gif] {
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(img.clone()).write_to(&mut Cursor::new(&mut bytes), fmt).unwrap();
        let back = image::load_from_memory_with_format(&bytes, fmt).unwrap();
        let same = back.to_rgb8() == img;
        println!("{fmt:?}: {} bytes, {:?}, identical={}", bytes.len(), back.color(), same);
    }
    let gray = image::DynamicImage::ImageRgb8(img.clone()).to_luma8();
    let sum: u64 = gray.pixels().map(|p| p.0[0] as u64).sum();
    println!("gray sum {sum} {:?}", gray.get_pixel(10, 10));
    let small = image::imageops::resize(&img, 8, 6, image::imageops::FilterType::Triangle);
    println!("resized {:?} {:?}", small.dimensions(), small.get_pixel(4, 3));
    let flipped = image::imageops::flip_horizontal(&img);
    println!("{:?} {:?}", flipped.get_pixel(0, 0), img.get_pixel(31, 0));
    let blurred = image::imageops::blur(&gray, 1.5);
    println!("blur {:?}", blurred.get_pixel(16, 12));
    let mut canvas = ImageBuffer::from_pixel(4, 4, Rgba([0u8, 0, 0, 255]));
    canvas.copy_from(&ImageBuffer::from_pixel(2, 2, Rgba([9u8, 9, 9, 9])), 1, 1).unwrap();
    println!("{:?}", canvas.pixels().map(|p| p.0[0]).collect::<Vec<_>>());
    let view = img.view(2, 2, 3, 3);
    println!("{:?} {:?}", view.dimensions(), view.get_pixel(0, 0));
    let lum: ImageBuffer<Luma<u16>, Vec<u16>> = ImageBuffer::from_fn(3, 1, |x, _| Luma([x as u16 * 30000]));
    let mut png16 = Vec::new();
    image::DynamicImage::ImageLuma16(lum).write_to(&mut Cursor::new(&mut png16), ImageFormat::Png).unwrap();
    let back16 = image::load_from_memory(&png16).unwrap();
    println!("{:?} {:?}", back16.color(), back16.as_luma16().unwrap().pixels().map(|p| p.0[0]).collect::<Vec<_>>());
    println!("{}", image::load_from_memory(b"garbage bytes").unwrap_err());
}

fn proptest_part() {
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
    let mut runner = TestRunner::new_with_rng(Config { cases: 64, failure_persistence: None, ..Config::default() }, proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha));
    let ok = runner.run(&(0u32..1000, 0u32..1000), |(a, b)| {
        prop_assert_eq!(a + b, b + a);
        Ok(())
    });
    println!("commutative: {ok:?}");
    let result = runner.run(&proptest::collection::vec(0i32..100, 0..20), |v| {
        let mut s = v.clone();
        s.sort();
        if s.len() > 3 && s[3] > 50 {
            return Err(TestCaseError::fail("too big"));
        }
        Ok(())
    });
    match result {
        Err(TestError::Fail(reason, minimal)) => println!("failed: {reason}; minimal {minimal:?}"),
        other => println!("{other:?}"),
    }
    let strings = runner.run(&"[a-c]{1,4}x", |s| {
        prop_assert!(s.ends_with('x') && s.len() <= 5, "bad {}", s);
        Ok(())
    });
    println!("regex strategy: {strings:?}");
    #[derive(Debug, Clone)]
    enum Shape { Circle(u8), Rect(u8, u8) }
    let shape = prop_oneof![(1u8..10).prop_map(Shape::Circle), (1u8..10, 1u8..10).prop_map(|(w, h)| Shape::Rect(w, h))];
    let res = runner.run(&shape, |s| {
        if let Shape::Rect(w, h) = s { prop_assert!(w as u32 * h as u32 <= 40); }
        Ok(())
    });
    match res {
        Err(TestError::Fail(_, minimal)) => println!("shape minimal {minimal:?}"),
        other => println!("{other:?}"),
    }
    let mut values = Vec::new();
    let strat = (any::<bool>(), 0..5u8).prop_filter("not both", |(b, n)| !(*b && *n == 0));
    let mut r2 = TestRunner::deterministic();
    for _ in 0..5 {
        values.push(strat.new_tree(&mut r2).unwrap().current());
    }
    println!("{values:?}");
}

fn main() {
    image_part();
    proptest_part();
}
