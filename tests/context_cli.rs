//! The man page and the shell completions cover the context options and `diff`.

mod common;
use common::run;

#[test]
fn completions_and_man_page_know_the_context_options() {
    for shell in ["bash", "zsh", "fish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0);
        for option in ["table", "table-version", "artifact"] {
            // fish spells a long option `-l NAME`, the others `--NAME`.
            let word = if shell == "fish" { format!("-l {option} ") } else { format!("--{option}") };
            assert!(r.stdout.contains(&word), "{shell} completions lack {word}");
        }
        assert!(r.stdout.contains("diff"), "{shell} completions lack diff");
    }
    let man = run(&["man"]);
    for word in ["\\-\\-table", "\\-\\-table\\-version", "\\-\\-artifact", "aeb\\-verify\\-diff"] {
        assert!(man.stdout.contains(word), "man page lacks {word}");
    }
}
