// A tiny real program the tests run as a subprocess. Modes are added with the process runner.
Console.WriteLine("dummy");
return 0;
