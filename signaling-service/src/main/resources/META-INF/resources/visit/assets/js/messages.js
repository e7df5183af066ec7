import { formatDateTime } from './dom.js';

/**
 * What the page says when the visit ends or cannot start, in plain words, by the protocol's error
 * code or final message. `retry`: the label of a button that tries again (connecting again may
 * help); `signIn`: the label of a button that signs in (again, or with another account).
 * `signedIn`: the person came in with their account (a doctor, or a patient who signed in), not
 * with a join link.
 */
export function endNotice(code, { role, link, signedIn = false } = {}) {
  const patient = role !== 'doctor';
  const linkHolder = patient && !signedIn;
  switch (code) {
    case 'visit-ended':
      return { title: 'The visit has ended', text: 'Thank you. You can close this page now.' };
    case 'ended-by-you':
      return { title: 'You ended the visit', text: 'Everyone has left the call. You can close this page now.' };
    case 'declined':
      return { title: 'The doctor could not let you in', text: 'Your clinic will contact you about what happens next. You can close this page.' };
    case 'left':
      return { title: 'You left the visit', text: 'You can join again while the visit lasts.', retry: 'Join again' };
    case 'visit-cancelled':
      return { title: 'This visit was cancelled', text: 'Your clinic will contact you if a new time is needed.' };
    case 'link-superseded':
      return { title: 'This link is no longer valid', text: 'Your visit was moved to another time and you were sent a new link. Please use the newest link you received.' };
    case 'replaced':
      return { title: 'The visit is open somewhere else', text: 'You joined this visit in another tab or on another device, so it was closed here.', retry: 'Use it here instead' };
    case 'forbidden':
      if (linkHolder) {
        return { title: 'This link is not for this visit', text: 'Please open the link exactly as you received it.' };
      }
      return patient
        ? { title: 'This visit is not on your account', text: 'Check that you signed in with the account your clinic gave you, or open the visit link you received instead.', signIn: 'Sign in with another account' }
        : { title: 'This visit is not yours', text: 'Only the visit\'s doctor can open it. Check that you are signed in with the right account.', signIn: 'Sign in with another account' };
    case 'visit-unknown':
      return { title: 'We could not find this visit', text: 'If it was booked only a moment ago, wait a minute and try again.', retry: 'Try again' };
    case 'invalid-token':
      return linkHolder ? invalidLinkNotice(link) : { title: 'Your sign-in was not accepted', text: 'Please sign in again.', signIn: 'Sign in again' };
    case 'session-ended':
      return { title: 'Your sign-in has ended', text: 'Sign in again to return to the visit.', signIn: 'Sign in again' };
    case 'malformed':
      return { title: 'This link is not complete', text: 'Please open the link exactly as you received it. If you copied it, check that you copied all of it.' };
    case 'other-visit':
      return { title: 'This link is for another visit', text: 'Please open the link you received for this visit.' };
    case 'expired':
      return { title: 'This link has expired', text: `It worked until ${formatDateTime(link.at)}. If you still need the visit, please contact your clinic.` };
    case 'unreachable':
      return { title: 'The visit service cannot be reached', text: 'Check your internet connection and try again in a moment.', retry: 'Try again' };
    case 'no-visit-role':
      return { title: 'This account cannot join visits', text: 'You are signed in with an account that is neither a doctor\'s nor a patient\'s. Sign in with another account, or open the visit link you received.', signIn: 'Sign in with another account' };
    case 'login-failed':
      return { title: 'You could not be signed in', text: 'Please try signing in again.', signIn: 'Sign in again' };
    case 'no-link':
      return { title: 'Open your visit link, or sign in', text: 'Please open the visit link you received again, exactly as it was sent to you. If you have an account with your clinic, you can sign in with it instead.', signIn: 'Sign in with your account' };
    default:
      return { title: 'The visit could not continue', text: 'Something went wrong on our side. Please try again in a moment.', retry: 'Try again' };
  }
}

function invalidLinkNotice(link) {
  if (link?.opensAt && link.opensAt.getTime() > Date.now()) {
    return { title: 'Your visit has not opened yet', text: `You can join from ${formatDateTime(link.opensAt)}. Please come back then.`, retry: 'Try again' };
  }
  if (link?.endsAt && link.endsAt.getTime() < Date.now()) {
    return { title: 'This link has expired', text: `It worked until ${formatDateTime(link.endsAt)}. If you still need the visit, please contact your clinic.` };
  }
  return { title: 'This link is not valid', text: 'Please open the link exactly as you received it, or ask your clinic for a new one.' };
}

/** A sentence about a media error (camera/microphone access) in plain words. */
export function deviceProblem(error) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Your browser is not allowed to use the camera and microphone for this page. Allow them in the site settings (the icon next to the address), then press the button again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Connect one and press the button again, or join without them.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera or microphone is busy: another app may be using it. Close that app and press the button again.';
    default:
      return 'The camera and microphone could not be started. You can still join; the others will not see or hear you.';
  }
}
