import type { Logger } from 'pino';

/** A "come back to your form" message, in the language the person used. */
export interface ResumeMessage {
  /** The email address the person gave. */
  to: string;
  /** Never set by the service: the code stays on the screen (see docs/save-and-return.md). */
  code?: string;
  /** Where to come back: the form's resume page, holding no code and no secret. */
  link: string;
  expiresAt: Date;
  lang: string;
  formTitle: string;
}

/** Sends resume messages: plug in an email service by passing one to `createApp`. */
export interface ResumeSender {
  send(message: ResumeMessage): Promise<void>;
}

/**
 * The default sender: sends nothing, and writes one log line saying a message would have been sent
 * (language, link, expiry; never the address, a code or a secret).
 */
export function logResumeSender(logger: Logger): ResumeSender {
  return {
    async send(message) {
      logger.info(
        {
          event: 'resume-message',
          lang: message.lang,
          link: message.link,
          expiresAt: message.expiresAt.toISOString(),
        },
        'a resume link would be sent by email here: no ResumeSender is configured',
      );
    },
  };
}
