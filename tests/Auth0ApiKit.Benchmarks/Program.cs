using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/Auth0ApiKit.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
