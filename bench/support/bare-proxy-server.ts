import { Agent, createServer, request } from 'node:http';
import { answerCpuAsks } from './cpu-probe';

/**
 * A reverse proxy with no logic at all (node:http, keep-alive pool, bodies piped through) in front of
 * UPSTREAM_URL. The chat bench measures it like the gateway, to show what one more process between the
 * client and the upstream costs on this machine before any of the gateway's work.
 */
const upstream = new URL(process.env.UPSTREAM_URL!);
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
const server = createServer((req, res) => {
  const forward = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => res.destroy());
  req.pipe(forward);
});
answerCpuAsks();
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.send!({ port: address.port });
});
