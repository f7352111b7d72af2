import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';

/** What the server published for one document version. */
export interface Published {
  version: number | undefined;
  diagnostics: Diagnostic[];
}

/**
 * A language client over stdio, as an editor is one: it spawns the server,
 * initializes it for one workspace folder, announces VS Code's capabilities
 * (configuration requests, dynamic registration) and answers the server's
 * requests the way VS Code does with default settings.
 */
export class LspClient {
  private readonly waiting = new Map<string, Array<(published: Published) => void>>();

  private constructor(
    readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => {
      for (const resolve of this.waiting.get(uri)?.splice(0) ?? []) resolve({ version, diagnostics });
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) => items.map(() => ({ requireConfig: false })));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
  }

  /** Spawn `node <bin> --stdio` in `cwd` (deliberately not the workspace: editors start servers anywhere). */
  static async start(bin: string, options: { cwd: string; workspace: string; env: NodeJS.ProcessEnv }): Promise<LspClient> {
    const child = spawn(process.execPath, [bin, '--stdio'], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    const workspace = pathToFileURL(options.workspace).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspace,
      workspaceFolders: [{ uri: workspace, name: 'content' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The next diagnostics published for `uri`: call before the notification that causes them. */
  nextDiagnostics(uri: string): Promise<Published> {
    return new Promise((resolve) => {
      const list = this.waiting.get(uri) ?? [];
      list.push(resolve);
      this.waiting.set(uri, list);
    });
  }

  async open(uri: string, text: string): Promise<Published> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return published;
  }

  /** Replace the whole text (the server syncs full documents), without saving it. */
  async change(uri: string, version: number, text: string): Promise<Published> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  async close(uri: string): Promise<Published> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return published;
  }

  /** shutdown, then exit: resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = once(this.child, 'exit');
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const [code] = (await exited) as [number | null];
    this.connection.dispose();
    return code;
  }
}
