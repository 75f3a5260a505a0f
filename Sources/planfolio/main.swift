import PlanfolioCLI

PlanfolioCommand.main()
