/**
 * The little SDP editing the page does: it marks the screen share's media section with
 * `a=content:slides` (RFC 4796) in the copy of the offer it sends, which tells the SFU that this
 * video is a screen (served first, shown as a screen to the others). The description the browser
 * keeps is left alone: browsers ignore `a=content`.
 */

/** The offer with `a=content:slides` added to the media section whose mid is `mid` (if not there yet). */
export function markScreenShare(sdp, mid) {
  if (mid === null || mid === undefined) {
    return sdp;
  }
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  return mediaSections(sdp).map((section) => {
    const lines = section.split(eol);
    const midLine = lines.indexOf(`a=mid:${mid}`);
    if (midLine < 0 || lines.includes('a=content:slides')) {
      return section;
    }
    lines.splice(midLine + 1, 0, 'a=content:slides');
    return lines.join(eol);
  }).join('');
}

/** The session part and each media section, text kept whole (joining them gives the SDP back). */
export function mediaSections(sdp) {
  return sdp.split(/(?=^m=)/m);
}
