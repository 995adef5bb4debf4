import type { DeviceClass } from '../store/journey-events';

/**
 * A coarse device class from a User-Agent header, which is never stored: tablets first (an iPad or
 * an Android device without "Mobile"), then phones, then anything else that sent a User-Agent.
 *
 * @example
 *   deviceClass('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) ... Mobile/15E148'); // 'mobile'
 */
export function deviceClass(userAgent: string | undefined): DeviceClass {
  if (!userAgent) return 'unknown';
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobi)/i.test(userAgent)) return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Opera Mini|IEMobile|BlackBerry|KaiOS/i.test(userAgent)) {
    return 'mobile';
  }
  return 'desktop';
}
