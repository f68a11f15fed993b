// JivoError is every failure jivokit.call answers: the widget's
// {result:'fail'} reason, an async method's err, a thrown exception, a
// method the widget lacks, an unknown method, a full queue.
export class JivoError extends Error {
  constructor(method, reason) {
    super('jivo: ' + method + ': ' + (reason || 'failed without a reason'));
    this.name = 'JivoError';
    this.method = method;
    this.reason = reason;
  }
}
