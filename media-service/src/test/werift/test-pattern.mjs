// Writes a raw test pattern (Y4M, 160x120, 30 fps, 1 s: a bar moving over a noisy gradient) to
// stdout, the input of the VP8 fixture sfu-peer.mjs sends; the noise keeps frames over one packet.
//   node test-pattern.mjs | vpxenc --codec=vp8 --ivf --kf-max-dist=30 --target-bitrate=400 -o test-pattern.ivf -
// (vpxenc: Debian's vpx-tools, only needed to regenerate the committed fixture.)
const width = 160, height = 120, fps = 30, frames = 30;
let seed = 1;
const noise = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 48;
const out = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
for (let f = 0; f < frames; f++) {
  const y = Buffer.alloc(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const bar = Math.abs(col - (f * width) / frames) < 12;
      y[row * width + col] = bar ? 235 : 16 + Math.floor((row * 150) / height) + noise();
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128 + f);
  out.push(Buffer.from('FRAME\n'), y, chroma, Buffer.alloc(chroma.length, 128 - f));
}
process.stdout.write(Buffer.concat(out));
