import PlanfolioCLI

PlanfolioCommand.runAndExit()
