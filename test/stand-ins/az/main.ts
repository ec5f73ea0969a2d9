// A stand-in for the Azure CLI (`az`), test-only: the harness puts a wrapper named `az` first on PATH for
// the extension host. It answers the commands @azure/identity's AzureCliCredential and people run,
// `az account get-access-token --resource/--scope [--tenant] [--subscription]`, `az account show` and
// `az login [--tenant]` (the browser sign-in is the emulator seed's first user; with --tenant it gives that
// tenant's consent), in the real CLI's JSON shapes, with tokens from the emulator's user accounts (POST /_emulator/user-token, as the
// Azure CLI's client application). Its login is $AZURE_CONFIG_DIR/azureProfile.json (see profile.ts).
// Errors go to stderr with exit code 1, worded as the real CLI words them (azure-cli src/azure-cli-core:
// _profile.py "Please run 'az login' to setup account.", auth/util.py aad_error_handler).
import { EmulatorControlClient, EmulatorControlError } from '../../../tools/emulator/control-client';
import { AZURE_CLI_CLIENT_ID } from '../../../tools/emulator/users';
import { azConfigDir, azLogin, readAzProfile, type AzProfileSubscription } from './profile';

class AzError extends Error {}

const NOT_LOGGED_IN = "Please run 'az login' to setup account.";

function option(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) if (names.includes(args[i]!)) return args[i + 1];
  return undefined;
}

function defaultSubscription(): AzProfileSubscription {
  const profile = readAzProfile(azConfigDir());
  const current = profile?.subscriptions.find((s) => s.isDefault) ?? profile?.subscriptions[0];
  if (!current) throw new AzError(NOT_LOGGED_IN);
  return current;
}

/** "2026-12-07 14:05:31.000000", local time, as the CLI prints expiresOn. */
function cliDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.000000`;
}

async function getAccessToken(args: string[]): Promise<unknown> {
  const account = defaultSubscription();
  const tenant = option(args, '--tenant', '-t');
  const subscriptionArg = option(args, '--subscription');
  if (tenant && subscriptionArg) throw new AzError('usage error: --tenant/-t cannot be used with --subscription');
  const resource = option(args, '--resource');
  const scope = option(args, '--scope') ?? `${resource ?? 'https://management.core.windows.net/'}/.default`;
  const profile = readAzProfile(azConfigDir())!;
  const subscription = subscriptionArg
    ? profile.subscriptions.find((s) => s.id === subscriptionArg || s.name === subscriptionArg)
    : tenant
      ? undefined
      : account;
  if (subscriptionArg && !subscription)
    throw new AzError(`Subscription '${subscriptionArg}' not found. Check the spelling and casing and try again.`);
  const tenantId = tenant ?? subscription!.tenantId;
  const url = process.env.ADF_BATCH_EMULATOR_URL;
  if (!url) throw new AzError('The stand-in az needs ADF_BATCH_EMULATOR_URL (set by the test harness).');
  try {
    const answer = await new EmulatorControlClient(url).userToken({
      user: account.user.name,
      tenantId,
      scope,
      appId: AZURE_CLI_CLIENT_ID,
    });
    return {
      accessToken: answer.accessToken,
      expiresOn: cliDate(answer.expiresOn),
      expires_on: answer.expiresOn,
      ...(subscription ? { subscription: subscription.id } : {}),
      tenant: answer.tenantId,
      tokenType: 'Bearer',
    };
  } catch (error) {
    const description =
      error instanceof EmulatorControlError
        ? (error.body as { error_description?: string } | undefined)?.error_description
        : undefined;
    if (!description) throw error;
    throw new AzError(
      `${description}\nRun the command below to authenticate interactively; additional arguments may be added as needed:\naz logout\naz login --tenant "${tenantId}" --scope "${scope}"`,
    );
  }
}

/** `az login [--tenant <id>]`: what the browser sign-in of the seed's first user leaves behind; prints the subscriptions. */
async function login(args: string[]): Promise<unknown> {
  const url = process.env.ADF_BATCH_EMULATOR_URL;
  if (!url) throw new AzError('The stand-in az needs ADF_BATCH_EMULATOR_URL (set by the test harness).');
  const control = new EmulatorControlClient(url);
  const seed = await control.getSeed();
  const user = seed.users?.[0];
  if (!user) throw new AzError('The emulator seed has no users: the stand-in az login needs one (seed "users").');
  const tenantId = option(args, '--tenant', '-t');
  // The interactive sign-in to that tenant: its consent prompt, answered yes.
  if (tenantId)
    await control.userToken({
      user: user.userPrincipalName,
      tenantId,
      scope: 'https://management.core.windows.net//.default',
      interactive: true,
      appId: AZURE_CLI_CLIENT_ID,
    });
  const profile = azLogin(azConfigDir(), seed, user.userPrincipalName, tenantId ? { tenantId } : {});
  return profile.subscriptions.map((s) => ({
    cloudName: s.environmentName,
    homeTenantId: s.homeTenantId,
    id: s.id,
    isDefault: s.isDefault,
    managedByTenants: s.managedByTenants,
    name: s.name,
    state: s.state,
    tenantDefaultDomain: s.tenantDefaultDomain,
    tenantDisplayName: s.tenantDisplayName,
    tenantId: s.tenantId,
    user: s.user,
  }));
}

async function main(args: string[]): Promise<void> {
  const command = args
    .filter((a) => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ');
  if (command === 'account get-access-token') {
    process.stdout.write(`${JSON.stringify(await getAccessToken(args), null, 2)}\n`);
  } else if (args[0] === 'login') {
    process.stdout.write(`${JSON.stringify(await login(args), null, 2)}\n`);
  } else if (command === 'account show') {
    process.stdout.write(`${JSON.stringify(defaultSubscription(), null, 2)}\n`);
  } else if (args[0] === '--version') {
    process.stdout.write('azure-cli                         2.67.0 (stand-in for tests)\n');
  } else {
    throw new AzError(
      `'${args.join(' ')}' is not supported by the stand-in az (tests only: account get-access-token, account show, login).`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`ERROR: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
