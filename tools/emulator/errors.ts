// Error bodies as Azure Resource Manager and Entra ID send them.
import { randomUUID } from 'node:crypto';
import { ReplyError, type Reply } from './http';

/** ARM's error body: {"error":{"code","message"}}. */
export function armError(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return { status, headers, body: { error: { code, message } } };
}

/** Throws an ARM error reply out of a handler. */
export function failArm(status: number, code: string, message: string): never {
  throw new ReplyError(armError(status, code, message));
}

export function resourceNotFound(type: string, name: string, resourceGroup: string): never {
  return failArm(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** Entra ID's OAuth error body. */
export function entraError(status: number, error: string, code: number, description: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}

/** Azure ML data plane error body. */
export function mlError(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message, details: [] } } };
}
