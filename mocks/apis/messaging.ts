import { defineApi } from '../core/define-api.ts';
import { findById } from '../core/find-by-id.ts';
import { paginate } from '../core/pagination.ts';
import { ProblemError, problems } from '../core/problem.ts';
import type { components, operations } from '../generated/types/messaging.ts';
import { advance } from './messaging/lifecycle.ts';
import { countSegments } from './messaging/segments.ts';
import { seedMessaging, type MessagingData } from './messaging/seed.ts';
import { placeholdersOf, render, type Rendered } from './messaging/templates.ts';

type Message = components['schemas']['Message'];
type MessageInput = components['schemas']['MessageInput'];
type Template = components['schemas']['Template'];
type Channel = components['schemas']['Channel'];

export type { MessagingData };

const DAY = 24 * 60 * 60 * 1000;
const MAX_SCHEDULE_DAYS = 7;

const an = (channel: Channel) => (channel === 'push' ? `a ${channel}` : `an ${channel}`);

/** The subject and text the recipient will get: the message's own, or its template's with the variables filled. */
function contentOf(templates: Template[], request: MessageInput): Rendered & { template: string | null } {
  if (!request.template) {
    const subject = request.channel === 'email' ? request.subject : request.channel === 'push' ? request.title : null;
    // The schema's oneOf guarantees `body` when there is no template, and dependentRequired the subject or title.
    return { subject: subject ?? null, body: request.body!, template: null };
  }
  const template = templates.find((candidate) => candidate.id === request.template);
  if (!template) {
    throw problems.invalid('/body/template', `refers to ${request.template}, which does not exist in this sandbox`);
  }
  if (template.channel !== request.channel) {
    throw new ProblemError(
      422,
      `Template ${template.id} is for the ${template.channel} channel, not ${request.channel}.`,
      {
        errors: [
          {
            pointer: '/body/template',
            detail: `is ${an(template.channel)} template; use a template for the ${request.channel} channel`,
          },
        ],
      },
    );
  }
  return { ...render(template, request.variables), template: template.id };
}

function scheduleProblem(sendAt: string, now: Date): ProblemError | undefined {
  const at = Date.parse(sendAt);
  const latest = new Date(now.getTime() + MAX_SCHEDULE_DAYS * DAY);
  if (at <= now.getTime())
    return problems.invalid('/body/send_at', `must be in the future (after ${now.toISOString()})`);
  if (at > latest.getTime()) {
    return problems.invalid('/body/send_at', `must be at most seven days ahead (by ${latest.toISOString()})`);
  }
  return undefined;
}

/** All the reasons a message cannot be sent, in one answer, so that the reader can fix them in one go. */
function refuse(found: ProblemError[]): ProblemError {
  if (found.length === 1) return found[0]!;
  return new ProblemError(422, found.map((problem) => problem.message).join(' '), {
    errors: found.flatMap((problem) => problem.extra.errors ?? []),
  });
}

export const messaging = defineApi<operations, MessagingData>({
  seed: ({ now }) => seedMessaging(now),
  // Deliveries whose moment has passed happen before any request reads or changes the messages (or the events).
  before: advance,

  handlers: {
    sendMessage: async (context) => {
      const { data, input, id, now, emit } = context;
      const request = input.body;
      const found: ProblemError[] = [];
      let content: ReturnType<typeof contentOf> | undefined;
      try {
        content = contentOf(data.templates, request);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        found.push(error);
      }
      const late = request.send_at ? scheduleProblem(request.send_at, now()) : undefined;
      if (late) found.push(late);
      if (found.length > 0 || !content) throw refuse(found);

      const at = now().toISOString();
      const segments = request.channel === 'sms' ? countSegments(content.body) : null;
      const message: Message = {
        id: id('msg_'),
        object: 'message',
        channel: request.channel,
        to: request.to,
        subject: content.subject,
        body: content.body,
        template: content.template,
        status: 'queued',
        error_code: null,
        segments,
        // 1 US cent per SMS segment; email and push are free.
        price: { amount: segments ?? 0, currency: 'usd' },
        send_at: request.send_at ?? null,
        created_at: at,
        updated_at: at,
        status_history: [{ status: 'queued', at }],
      };
      data.messages.unshift(message);
      await emit('message.queued', structuredClone(message));
      return { status: 201, body: message };
    },
    listMessages: async (context) => {
      const { channel, status } = context.input.query;
      const messages = context.data.messages.filter(
        (m) => (!channel || m.channel === channel) && (!status || m.status === status),
      );
      return { status: 200, body: paginate(messages, context.input.query) };
    },
    getMessage: async (context) => {
      return { status: 200, body: findById(context.data.messages, context.input.path.id, 'message') };
    },
    cancelMessage: async (context) => {
      const { data, input, now, emit } = context;
      const message = findById(data.messages, input.path.id, 'message');
      if (message.status !== 'queued') {
        throw problems.conflict(
          `Message ${message.id} has status ${message.status}; only queued messages can be canceled.`,
        );
      }
      const at = now().toISOString();
      Object.assign(message, { status: 'canceled', updated_at: at, price: { amount: 0, currency: 'usd' } });
      message.status_history.push({ status: 'canceled', at });
      await emit('message.canceled', structuredClone(message));
      return { status: 200, body: message };
    },

    createTemplate: async (context) => {
      const { data, input, id, now } = context;
      const taken = data.templates.find((template) => template.name === input.body.name);
      if (taken) {
        throw new ProblemError(409, `Template ${taken.id} is already called ${taken.name}. Choose another name.`, {
          errors: [{ pointer: '/body/name', detail: 'is already used by another template' }],
        });
      }
      const subject = input.body.channel === 'sms' ? null : input.body.subject;
      const template: Template = {
        id: id('tpl_'),
        object: 'template',
        name: input.body.name,
        channel: input.body.channel,
        subject,
        body: input.body.body,
        variables: placeholdersOf(subject, input.body.body),
        created_at: now().toISOString(),
      };
      data.templates.unshift(template);
      return { status: 201, body: template };
    },
    listTemplates: async (context) => {
      const { channel } = context.input.query;
      const templates = channel ? context.data.templates.filter((t) => t.channel === channel) : context.data.templates;
      return { status: 200, body: paginate(templates, context.input.query) };
    },
    getTemplate: async (context) => {
      return { status: 200, body: findById(context.data.templates, context.input.path.id, 'template') };
    },
    deleteTemplate: async (context) => {
      const { data, input } = context;
      const template = findById(data.templates, input.path.id, 'template');
      // Messages keep their rendered text and the old id; new messages naming it are refused by contentOf.
      data.templates = data.templates.filter((t) => t.id !== template.id);
      return { status: 200, body: { id: template.id, object: 'template', deleted: true } };
    },
    previewTemplate: async (context) => {
      const template = findById(context.data.templates, context.input.path.id, 'template');
      const { subject, body } = render(template, context.input.body?.variables);
      return {
        status: 200,
        body: {
          object: 'template_preview',
          template: template.id,
          channel: template.channel,
          subject,
          body,
          segments: template.channel === 'sms' ? countSegments(body) : null,
        },
      };
    },
  },
});
