/// The team's remediation plan template, exactly as the design folder has
/// it (`remediation-plan-template.md`), for tests that build it unchanged.
enum RemediationPlanTemplate {
    static let text = #"""
# Fairness Drift Remediation Plan

## Table of Contents

- [Assessment Information](#assessment-information)
- [Problem Summary](#problem-summary)
- [Remediation Goals](#remediation-goals)
- [Proposed Intervention(s)](#proposed-interventions)
    - [Intervention 1: [Name of Intervention]](#intervention-1-name-of-intervention)
- [Implementation Plan](#implementation-plan)
    - [Phases and Milestones](#phases-and-milestones)
    - [Responsibilities](#responsibilities)
- [Validation Strategy](#validation-strategy)
    - [Pre-Deployment Validation](#pre-deployment-validation)
    - [Post-Deployment Validation](#post-deployment-validation)
- [Rollback Plan](#rollback-plan)
    - [Rollback Criteria](#rollback-criteria)
    - [Rollback Procedure](#rollback-procedure)
    - [Rollback Owner](#rollback-owner)
- [Communication Plan](#communication-plan)
- [Approval](#approval)

## Assessment Information

- **System Name**: [Name of AI system]
- **Assessment ID**: [Unique identifier: FAF-yyyy-mm-number]
- **Remediation Plan ID**: [Unique ID for this plan]
- **Related Investigation ID**: [Link to the Drift Investigation Report ID]
- **Date**: [Date plan created]
- **Plan Owner**: [Name and role]

## Problem Summary

[Briefly summarize the fairness drift issue identified in the referenced Drift Investigation Report, including the root cause(s).]

## Remediation Goals

[State the specific, measurable goals for the remediation (e.g., reduce Metric X disparity below Y threshold, restore Metric Z to baseline +/- W%).]

## Proposed Intervention(s)

### Intervention 1: [Name of Intervention]

**Description
**: [Detailed description of the proposed change (e.g., retrain model with specific constraints, adjust feature X, modify post-processing rule).]

**Targeted Bias Source(s)**: [Which bias source(s) this intervention addresses]

**Expected Impact**:

- **On Fairness Metrics**: [Quantify expected improvement in specific metrics]
- **On Performance Metrics**: [Estimate impact on accuracy, latency, etc.]
- **On Business Metrics**: [Potential impact on business KPIs]

**Implementation Details**:

- **Technical Steps**: [Outline the required technical implementation steps]
- **Code/Configuration Changes**: [Reference specific code repositories or configuration files]
- **Resources Required**: [Team members, tools, infrastructure]

**Timeline**:

- **Estimated Duration**: [Time required for implementation]
- **Target Completion Date**: [Date]

**Risk Assessment**:

- **Potential Negative Consequences**: [Risks associated with this intervention]
- **Mitigation for Risks**: [How potential risks will be managed]

[Repeat for additional interventions if applicable]

## Implementation Plan

### Phases and Milestones

| Phase                  | Key Activities  | Deliverable | Deadline | Owner       |
|------------------------|-----------------|-------------|----------|-------------|
| [Phase 1: Design/Prep] | [Activity list] | [Output]    | [Date]   | [Name/Team] |
| [Phase 2: Development] | [Activity list] | [Output]    | [Date]   | [Name/Team] |
| [Phase 3: Testing]     | [Activity list] | [Output]    | [Date]   | [Name/Team] |
| [Phase 4: Deployment]  | [Activity list] | [Output]    | [Date]   | [Name/Team] |

### Responsibilities

| Role                    | Name/Team | Responsibility                      |
|-------------------------|-----------|-------------------------------------|
| [e.g., Developer]       | [Name]    | [Implement code changes]            |
| [e.g., QA Tester]       | [Name]    | [Validate fairness and performance] |
| [e.g., MLOps Engineer]  | [Name]    | [Deploy changes, update pipelines]  |
| [e.g., Project Manager] | [Name]    | [Oversee timeline and resources]    |

## Validation Strategy

### Pre-Deployment Validation

- **Offline Testing**: [Describe tests on validation datasets]
- **Fairness Metrics**: [Metrics to be checked before deployment]
- **Performance Metrics**: [Metrics to be checked before deployment]
- **Acceptance Criteria**: [Specific criteria that must be met]

### Post-Deployment Validation

- **A/B Testing or Canary Release**: [Describe gradual rollout plan, if any]
- **Monitoring Plan**: [How effectiveness will be tracked using monitoring tools]
- **Success Metrics**: [How success of the remediation will be measured over time]
- **Validation Period**: [Duration for post-deployment validation]

## Rollback Plan

### Rollback Criteria

[Conditions under which the implemented changes will be rolled back (e.g., significant performance degradation, unexpected negative fairness impact).]

### Rollback Procedure

[Step-by-step procedure for reverting the changes.]

### Rollback Owner

[Role/Team responsible for executing rollback.]

## Communication Plan

[Outline how progress, completion, and results of the remediation will be communicated to relevant stakeholders.]

---

## Approval

| Role                               | Name | Signature | Date |
|------------------------------------|------|-----------|------|
| Plan Owner                         |      |           |      |
| Technical Lead                     |      |           |      |
| Fairness Assessment Lead           |      |           |      |
| System Owner/Product Manager       |      |           |      |
| Compliance Officer (if applicable) |      |           |      |
"""#
}
