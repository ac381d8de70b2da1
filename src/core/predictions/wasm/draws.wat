;; A resample's Poisson draws (random.ts's poissonWeight), for n examples at once: out[k] is the
;; weight of the example whose draw index is keys[k] in the resample keyed `key`. The same integer
;; operations as poissonWeight, so the same draws; tests hold them equal. `table` is random.ts's
;; BY_TOP_BITS (65536 bytes), `cumulative` its CUMULATIVE (13 u32).
(func $draws (export "draws")
  (param $key i32) (param $keys i32) (param $n i32) (param $table i32) (param $cumulative i32) (param $out i32)
  (local $k i32) (local $x i32) (local $weight i32)
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      ;; mix32(imul(example, 0x9e3779b1) ^ key)
      (local.set $x
        (i32.xor
          (i32.mul (i32.load (i32.add (local.get $keys) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 0x9e3779b1))
          (local.get $key)))
      (local.set $x (i32.mul (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 16))) (i32.const 0x85ebca6b)))
      (local.set $x (i32.mul (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 13))) (i32.const 0xc2b2ae35)))
      (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 16))))
      (local.set $weight (i32.load8_u (i32.add (local.get $table) (i32.shr_u (local.get $x) (i32.const 16)))))
      (if (i32.eq (local.get $weight) (i32.const 255))
        (then
          ;; A step of the distribution falls among these draws: count the steps at or below x.
          (local.set $weight (i32.const 0))
          (block $counted
            (loop $step
              (br_if $counted (i32.ge_u (local.get $weight) (i32.const 13)))
              (br_if $counted
                (i32.lt_u (local.get $x)
                  (i32.load (i32.add (local.get $cumulative) (i32.shl (local.get $weight) (i32.const 2))))))
              (local.set $weight (i32.add (local.get $weight) (i32.const 1)))
              (br $step)))))
      (i32.store8 (i32.add (local.get $out) (local.get $k)) (local.get $weight))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next))))
