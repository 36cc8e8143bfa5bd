// Each test runs its own multi-process cluster; two at once would starve a small CI machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
