/** Channels where buyers check the brand's shelf price (any other can be typed). */
export const BENCHMARK_CHANNELS = [
  '山姆会员店',
  '开市客 Costco',
  '天猫旗舰店',
  '京东自营',
  '盒马',
  '线下门店',
]
