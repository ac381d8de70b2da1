export const WEBHOOK_EVENTS: string[];
export function webhookValidatorsPath(): string;
export function definitionNames(definitions: Record<string, unknown>, events?: string[]): string[];
export function ensureWebhookValidators(): string;
export function contractExportName(index: number, pointer: string): string;
export function contractPointers(operation: {
  parameters: unknown[];
  requestBody: unknown;
  responses: Record<string, { schema: unknown }>;
}): string[];
export function contractValidatorsPath(root?: string): string;
export function ensureContractValidators(root?: string): string;
