/**
 * Lets the bench ask a server child process for its CPU time so far: the child answers a 'cpu' message
 * with { cpu: process.cpuUsage() }. Bench processes only.
 */
export function answerCpuAsks(): void {
  process.on('message', (m: unknown) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
}
