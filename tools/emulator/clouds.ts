// The token audiences of the cloud the emulator plays (seed `cloud`): ARM accepts only that cloud's ARM
// audiences (and the emulator's own URL), so a client asking a sovereign cloud's Entra ID for the public
// ARM audience is refused like the real ARM refuses it.

export type EmulatedCloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export const EMULATED_CLOUD_NAMES: readonly EmulatedCloudName[] = [
  'AzureCloud',
  'AzureChinaCloud',
  'AzureUSGovernment',
];

export interface EmulatedCloudAudiences {
  /** The audience the cloud's ARM token scope names (`<armAudience>/.default`). */
  armAudience: string;
  /** Every audience that cloud's ARM accepts (the management endpoint and the classic management.core one). */
  armAudiences: readonly string[];
  mlAudience: string;
}

/** Reference: /work/shared/reference/batch-endpoint-pipelines.md section 6 (Clouds). */
const CLOUDS: Record<EmulatedCloudName, EmulatedCloudAudiences> = {
  AzureCloud: {
    armAudience: 'https://management.azure.com/',
    armAudiences: ['https://management.azure.com/', 'https://management.core.windows.net/'],
    mlAudience: 'https://ml.azure.com',
  },
  AzureChinaCloud: {
    armAudience: 'https://management.chinacloudapi.cn/',
    armAudiences: ['https://management.chinacloudapi.cn/', 'https://management.core.chinacloudapi.cn/'],
    mlAudience: 'https://ml.azure.cn',
  },
  AzureUSGovernment: {
    armAudience: 'https://management.usgovcloudapi.net/',
    armAudiences: ['https://management.usgovcloudapi.net/', 'https://management.core.usgovcloudapi.net/'],
    mlAudience: 'https://ml.azure.us',
  },
};

export function emulatedCloud(name: EmulatedCloudName | undefined): EmulatedCloudAudiences {
  return CLOUDS[name ?? 'AzureCloud'];
}
