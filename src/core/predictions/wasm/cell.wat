;; One cell of a view of binary-resample.ts, for one resample: the running sums from which its
;; metrics follow (binary-resample.ts's emit). WebAssembly keeps them in registers and reads the
;; arrays without bounds checks; the arrays are as small as they can be, since a pass is bound by
;; how fast memory streams in. scripts/gen-resample-wasm.mjs writes this function twice into the
;; module, as `cell` (examples of weight 1) and `cellWeighted`, filling in the two `(; … ;)` lines,
;; and compiles it into cell.generated.ts.
;;
;; Arrays (byte offsets into memory; one entry per example of the view, in the view's order):
;; draw (u32: the example's index into draws), draws (u8: the resample's Poisson draws), flags (u8:
;; 1 a new group of tied scores, 2 the first below the threshold, 4 a new calibration bin, 128 label
;; 1), loss and score (f32), weight (f64, cellWeighted only). Writes tpBefore, fpBefore, tpAt, fpAt,
;; area, precisionSum, lossSum, squaredSum and calibration, in that order, as f64 at out.
(func $NAME (export "NAME")
  (param $from i32) (param $to i32)
  (param $draw i32) (param $draws i32) (param $flags i32)
  (param $loss i32) (param $score i32) (param $weight i32) (param $out i32)
  (local $k i32) (local $f i32)
  (local $w f64) (local $s f64) (local $p f64) (local $wp f64) (local $d f64) (local $den f64)
  (local $tpBefore f64) (local $fpBefore f64) (local $groupTp f64) (local $groupFp f64)
  (local $area f64) (local $precisionSum f64) (local $lossSum f64) (local $squaredSum f64)
  (local $scoreSum f64) (local $tpAt f64) (local $fpAt f64) (local $binTp f64) (local $binScore f64)
  (local $calibration f64) (local $above i32)
  (local.set $above (i32.const 1))
  (local.set $k (local.get $from))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $k) (local.get $to)))
      (local.set $f (i32.load8_u (i32.add (local.get $flags) (local.get $k))))
      (if (i32.and (local.get $f) (i32.const 7))
        (then
          (; close group ;)
          (if (i32.and (local.get $f) (i32.const 4))
            (then
              (local.set $calibration
                (f64.add (local.get $calibration)
                  (f64.abs (f64.sub (f64.sub (local.get $tpBefore) (local.get $binTp))
                                    (f64.sub (local.get $scoreSum) (local.get $binScore))))))
              (local.set $binTp (local.get $tpBefore))
              (local.set $binScore (local.get $scoreSum))))
          (if (i32.and (local.get $f) (i32.const 2))
            (then
              (local.set $tpAt (local.get $tpBefore))
              (local.set $fpAt (local.get $fpBefore))
              (local.set $above (i32.const 0))))))
      (local.set $w
        (f64.convert_i32_u
          (i32.load8_u
            (i32.add (local.get $draws)
              (i32.load (i32.add (local.get $draw) (i32.shl (local.get $k) (i32.const 2))))))))
      (; example weight ;)
      (local.set $s
        (f64.promote_f32 (f32.load (i32.add (local.get $score) (i32.shl (local.get $k) (i32.const 2))))))
      (local.set $p (f64.convert_i32_u (i32.shr_u (local.get $f) (i32.const 7))))
      (local.set $wp (f64.mul (local.get $w) (local.get $p)))
      (local.set $groupTp (f64.add (local.get $groupTp) (local.get $wp)))
      (local.set $groupFp (f64.add (local.get $groupFp) (f64.sub (local.get $w) (local.get $wp))))
      (local.set $d (f64.sub (local.get $p) (local.get $s)))
      (local.set $squaredSum
        (f64.add (local.get $squaredSum) (f64.mul (f64.mul (local.get $w) (local.get $d)) (local.get $d))))
      (local.set $lossSum
        (f64.add (local.get $lossSum)
          (f64.mul (local.get $w)
            (f64.promote_f32 (f32.load (i32.add (local.get $loss) (i32.shl (local.get $k) (i32.const 2))))))))
      (local.set $scoreSum (f64.add (local.get $scoreSum) (f64.mul (local.get $w) (local.get $s))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next)))
  (; close group ;)
  (local.set $calibration
    (f64.add (local.get $calibration)
      (f64.abs (f64.sub (f64.sub (local.get $tpBefore) (local.get $binTp))
                        (f64.sub (local.get $scoreSum) (local.get $binScore))))))
  (if (local.get $above)
    (then
      (local.set $tpAt (local.get $tpBefore))
      (local.set $fpAt (local.get $fpBefore))))
  (f64.store offset=0 (local.get $out) (local.get $tpBefore))
  (f64.store offset=8 (local.get $out) (local.get $fpBefore))
  (f64.store offset=16 (local.get $out) (local.get $tpAt))
  (f64.store offset=24 (local.get $out) (local.get $fpAt))
  (f64.store offset=32 (local.get $out) (local.get $area))
  (f64.store offset=40 (local.get $out) (local.get $precisionSum))
  (f64.store offset=48 (local.get $out) (local.get $lossSum))
  (f64.store offset=56 (local.get $out) (local.get $squaredSum))
  (f64.store offset=64 (local.get $out) (local.get $calibration)))
