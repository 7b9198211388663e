//! meshctl's entry point: parse, run, map the error to an exit code. (Temporary minimal driver.)

use meshctl::merge::{InputFile, SetFlag};
use meshctl::pipeline::{self, Inputs};
use meshctl::yaml::{self, Source};

fn main() -> anyhow::Result<()> {
    let mut inputs = Inputs::default();
    let mut args = std::env::args().skip(3);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-f" => {
                let path = args.next().unwrap_or_default();
                let text = std::fs::read_to_string(&path)?;
                let source = Source(path);
                inputs.files.push(InputFile {
                    tree: yaml::parse_value(&text, &source)?,
                    source,
                });
            }
            "-s" | "--set" => inputs
                .set_flags
                .push(SetFlag::parse(&args.next().unwrap_or_default())?),
            "--force" => inputs.force = true,
            _ => anyhow::bail!("unknown argument {arg}"),
        }
    }
    let merged = pipeline::merge(&inputs)?;
    let manifests = pipeline::render(&merged)?;
    print!("{}", meshctl::manifest::to_yaml_stream(&manifests));
    Ok(())
}
