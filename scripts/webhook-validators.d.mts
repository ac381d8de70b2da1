export const WEBHOOK_EVENTS: string[];
export function webhookValidatorsPath(): string;
export function definitionNames(definitions: Record<string, unknown>, events?: string[]): string[];
export function ensureWebhookValidators(): string;
