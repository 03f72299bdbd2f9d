/** The outside program: it reads Zeno's one exported package, dev.zeno, and nothing else. */
module dev.zeno.check {
    requires dev.zeno.patterns;
}
