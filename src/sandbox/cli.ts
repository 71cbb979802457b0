// npm run sandbox: starts the simulated Veza instance (filled in by the sandbox work).
console.log('The simulated Veza instance is not built yet.');
process.exitCode = 1;
