/// The team's remediation plan template, which `planfolio new plan` fills in.
///
/// `remediation-plan-template.md` beside this file is the one copy of it in
/// the project; SwiftPM compiles its bytes into the binary (`embedInCode`),
/// so `planfolio new plan` reads no file at run time.
public enum PlanTemplate {
    public static let text = String(decoding: PackageResources.remediation_plan_template_md, as: UTF8.self)
}
