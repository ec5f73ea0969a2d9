// A throwaway certificate authority and a server certificate for 127.0.0.1/localhost, made at start.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as forge from 'node-forge';

export interface EmulatorCertificates {
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  caCertPath: string;
  serverCertPath: string;
  serverKeyPath: string;
}

interface ForgeKeys {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

/** RSA keys from Node's native generator (forge's pure-JS one takes seconds). */
function generateKeys(): ForgeKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

function serialNumber(): string {
  // Positive (high bit clear) 16-byte serial.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, days: number): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now + days * 24 * 3600 * 1000);
}

/** Creates the CA and the server certificate and writes their PEM files into stateDir. */
export function createCertificates(stateDir: string): EmulatorCertificates {
  const caKeys = generateKeys();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serialNumber();
  validity(ca, 365);
  const caName = [
    { name: 'commonName', value: `ADF Batch Endpoints Emulator CA ${new Date().toISOString().slice(0, 19)}` },
    { name: 'organizationName', value: 'adf-batch-endpoints test emulator' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = generateKeys();
  const server = forge.pki.createCertificate();
  server.publicKey = serverKeys.publicKey;
  server.serialNumber = serialNumber();
  validity(server, 300);
  server.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());

  const certs = {
    caCertPem: forge.pki.certificateToPem(ca),
    serverCertPem: forge.pki.certificateToPem(server),
    serverKeyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
    caCertPath: join(stateDir, 'emulator-ca.pem'),
    serverCertPath: join(stateDir, 'emulator-server.pem'),
    serverKeyPath: join(stateDir, 'emulator-server-key.pem'),
  };
  writeFileSync(certs.caCertPath, certs.caCertPem);
  writeFileSync(certs.serverCertPath, certs.serverCertPem);
  writeFileSync(certs.serverKeyPath, certs.serverKeyPem, { mode: 0o600 });
  return certs;
}
