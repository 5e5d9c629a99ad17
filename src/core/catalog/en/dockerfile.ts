import type { Entry } from '../types';

/** Dockerfile instructions, their forms and flags, tied to what they mean at run time. */
export const dockerfile: Record<string, Entry> = {
  'dockerfile.FROM': {
    title: 'FROM',
    summary: 'Starts a build stage from a base image.',
    body: 'The base image\'s layers become the bottom of the container\'s root filesystem, and its defaults (user, command, environment) are inherited. `FROM ... AS name` names a stage for `COPY --from`; only the last stage ends up in the image.',
  },
  'dockerfile.FROM.--platform': {
    title: 'FROM --platform',
    summary: 'Chooses which architecture variant of the base image to use.',
    body: 'For example `--platform=$BUILDPLATFORM` builds with native tools before cross-compiling. A container from an image of a foreign architecture runs only through emulation (binfmt/QEMU), which is slow.',
  },
  'dockerfile.RUN': {
    title: 'RUN',
    summary: 'Runs a command at build time and saves the filesystem changes as a new layer.',
    body: 'Each RUN executes in a temporary container with its own namespaces; only the files it leaves behind survive, not processes, environment changes or mounts. Combine related commands in one RUN to keep layers small.',
  },
  'dockerfile.RUN.--network': {
    title: 'RUN --network',
    summary: 'Chooses the network namespace of the build step: default, none or host.',
    body: '`--network=none` runs the step in a network namespace with only loopback, so it cannot download anything; good for proving a build is offline. `--network=host` uses the host\'s network namespace and needs the builder to allow `network.host`.',
  },
  'dockerfile.RUN.--mount': {
    title: 'RUN --mount',
    summary: 'Adds a mount in the build step\'s mount namespace for this command only.',
    body: 'Types: `cache` (a persistent cache directory, such as a package cache), `bind` (files from the context or another stage), `secret` and `ssh` (credentials that never land in a layer), `tmpfs`. Nothing mounted this way is saved in the image.',
  },
  'dockerfile.RUN.--security': {
    title: 'RUN --security',
    summary: 'Runs the build step with extra privileges (insecure) or with the default sandbox.',
    body: '`--security=insecure` is like `docker run --privileged` for one step: all capabilities and no seccomp. The builder must allow `security.insecure`. Use it only for steps that truly need it, such as building kernel modules or using loop devices.',
  },
  'dockerfile.CMD': {
    title: 'CMD',
    summary: 'The default command (or default arguments to ENTRYPOINT) when the container starts.',
    body: 'Arguments after the image name in `docker run` replace it. Only the last CMD counts. Whether it runs directly or through `/bin/sh -c` depends on its form, and that decides which process is PID 1.',
  },
  'dockerfile.CMD.exec': {
    title: 'CMD (exec form)',
    summary: 'The JSON array form, without a shell: with no ENTRYPOINT the program runs directly as PID 1; with one, these are its arguments.',
    body: 'Without an ENTRYPOINT, `CMD ["nginx", "-g", "daemon off;"]` makes nginx PID 1 in the container\'s PID namespace, so `docker stop`\'s SIGTERM reaches it. No shell means no `$VAR` expansion. Remember that PID 1 has no default signal handlers: the program must handle SIGTERM itself or run under an init such as `docker run --init`.',
  },
  'dockerfile.CMD.shell': {
    title: 'CMD (shell form)',
    summary: 'The plain-string form: runs under /bin/sh -c, so (with no ENTRYPOINT) the shell is PID 1.',
    body: '`sh` is PID 1 and your program is its child. `sh -c` does not forward SIGTERM, so `docker stop` waits for the grace period (10 s by default) and then sends SIGKILL: no clean shutdown. Use the exec form, or start the command with `exec` so it replaces the shell.',
  },
  'dockerfile.ENTRYPOINT': {
    title: 'ENTRYPOINT',
    summary: 'The executable the container always runs; CMD supplies its default arguments.',
    body: 'Arguments to `docker run` are appended to it instead of replacing it; `--entrypoint` overrides it. Its form decides which process is PID 1 and whether signals reach your program.',
  },
  'dockerfile.ENTRYPOINT.exec': {
    title: 'ENTRYPOINT (exec form)',
    summary: 'The JSON array form: the program is PID 1 and receives docker stop\'s SIGTERM.',
    body: 'CMD and `docker run` arguments are appended as extra arguments. As PID 1 the program must handle SIGTERM itself (the kernel ignores signals PID 1 has no handler for), or be started under `--init`/tini. A wrapper script should end with `exec "$@"` so the real program takes over PID 1.',
  },
  'dockerfile.ENTRYPOINT.shell': {
    title: 'ENTRYPOINT (shell form)',
    summary: 'The plain-string form: /bin/sh -c is PID 1, and CMD and run arguments are ignored.',
    body: '`sh -c` does not forward SIGTERM to your program, so `docker stop` waits for the timeout and then kills everything with SIGKILL. Arguments from CMD or `docker run` are silently dropped. Prefer the exec form, or write `exec program` inside the string.',
  },
  'dockerfile.USER': {
    title: 'USER',
    summary: 'Sets the user ID (and group) that following RUN steps and the container\'s process run as.',
    body: 'The ID is interpreted in the container\'s user namespace. Without `userns-remap`, uid 0 there is uid 0 on the host, and any other uid is the same number on the host too: files written to bind mounts get that owner. Running as a non-root user is one of the cheapest hardening steps.',
  },
  'dockerfile.EXPOSE': {
    title: 'EXPOSE',
    summary: 'Records which ports the program listens on; metadata only, nothing is published.',
    body: 'The container\'s network namespace is not changed and no NAT rule is created. A port becomes reachable from outside only with `-p`/`ports:` (or `-P`, which publishes every exposed port on random host ports).',
  },
  'dockerfile.ENV': {
    title: 'ENV',
    summary: 'Sets an environment variable for later build steps and for the running container.',
    body: 'The value is stored in the image and visible to anyone with `docker inspect`; do not put secrets here. `docker run -e` overrides it.',
  },
  'dockerfile.ARG': {
    title: 'ARG',
    summary: 'Declares a build-time variable, set with --build-arg.',
    body: 'It exists only during the build and is not in the running container\'s environment, but values can still appear in the image history. An ARG before FROM is usable only in FROM lines unless declared again inside the stage.',
  },
  'dockerfile.WORKDIR': {
    title: 'WORKDIR',
    summary: 'Sets the working directory for later instructions and for the container\'s process.',
    body: 'The path is inside the container\'s mount namespace, on its own root filesystem; it is created if missing. Prefer it to `RUN cd ...`, which lasts for one step only.',
  },
  'dockerfile.VOLUME': {
    title: 'VOLUME',
    summary: 'Marks a path as a mount point: each container gets a volume mounted there.',
    body: 'At run time Docker mounts an anonymous volume (or the one given with `-v`) at that path in the container\'s mount namespace, so data there lives outside the container\'s writable layer. Changes a later RUN makes under that path are discarded at build time.',
  },
  'dockerfile.COPY': {
    title: 'COPY',
    summary: 'Copies files from the build context (or another stage) into the image.',
    body: 'Files land owned by root unless `--chown` is given. Prefer COPY to ADD unless you need ADD\'s extras.',
  },
  'dockerfile.COPY.--chown': {
    title: 'COPY --chown',
    summary: 'Sets the owner of copied files, by name or numeric ID.',
    body: 'The IDs are those of the container\'s user namespace. If the process runs as a non-root `USER`, it needs ownership to write these files; with userns-remap, the owner seen on the host is shifted by the mapping.',
  },
  'dockerfile.COPY.--from': {
    title: 'COPY --from',
    summary: 'Copies files from an earlier build stage or another image instead of the build context.',
    body: 'The basis of multi-stage builds: compile in a large stage, copy only the result into a small one. The source stage\'s other files never reach the final image.',
  },
  'dockerfile.COPY.--link': {
    title: 'COPY --link',
    summary: 'Copies files into an independent layer that does not depend on the layers below.',
    body: 'BuildKit can then reuse the layer when the base image changes. The destination cannot follow symlinks in earlier layers.',
  },
  'dockerfile.COPY.--chmod': {
    title: 'COPY --chmod',
    summary: 'Sets the permission bits of the copied files and directories in the image.',
    body: 'Octal (`--chmod=755`, `644`) or, from Dockerfile syntax 1.14, symbolic (`+x`, `u=rwX,go=rX`). Done in the same step as the copy, so no `RUN chmod` layer duplicates the files. The mode is what the container\'s processes see; it does not depend on the files\' mode in the build context. Not supported for Windows containers.',
  },
  'dockerfile.COPY.--parents': {
    title: 'COPY --parents',
    summary: 'Keeps each source\'s parent directories under the destination instead of copying only the last part.',
    body: '`COPY --parents ./x/a.txt ./y/a.txt /app/` gives `/app/x/a.txt` and `/app/y/a.txt`; without it both land on `/app/a.txt` and one silently overwrites the other. A `./` inside a source path keeps only the directories after it; `**` matches any depth. Needs Dockerfile syntax 1.20 (earlier only in the `-labs` syntax).',
  },
  'dockerfile.COPY.--exclude': {
    title: 'COPY --exclude',
    summary: 'Leaves out files matching a pattern, even when a source pattern matches them.',
    body: 'Patterns use the same wildcards as the sources (Go `filepath.Match`); the flag may be repeated: `COPY --exclude=*.txt --exclude=*.md hom* /mydir/`. Unlike `.dockerignore`, it applies to this one instruction only. Needs Dockerfile syntax 1.19 (earlier only in the `-labs` syntax).',
  },
  'dockerfile.ADD': {
    title: 'ADD',
    summary: 'Like COPY, but also fetches URLs and unpacks local tar archives.',
    body: 'The automatic unpacking can surprise; use COPY for plain files and an explicit download step when you want checksums and control.',
  },
  'dockerfile.ADD.--chown': {
    title: 'ADD --chown',
    summary: 'Sets the owner of added files, by name or numeric ID.',
    body: 'As with `COPY --chown`, the IDs belong to the container\'s user namespace; without userns-remap they are the same numbers on the host.',
  },
  'dockerfile.ADD.--checksum': {
    title: 'ADD --checksum',
    summary: 'Verifies a remote source: the SHA-256 digest of an HTTP download, or the commit of a Git source.',
    body: 'For HTTP(S) sources the value is `sha256:` followed by the digest (SHA-256 is the only algorithm); for a Git repository it is the commit SHA or a prefix of it. The build fails if the content does not match, protecting against a changed or tampered download. Needs Dockerfile syntax 1.6.',
  },
  'dockerfile.ADD.--chmod': {
    title: 'ADD --chmod',
    summary: 'Sets the permission bits of the added files and directories in the image.',
    body: 'As with `COPY --chmod`: octal (`755`) or, from syntax 1.14, symbolic (`+x`). Useful for a downloaded binary, which would otherwise arrive without its execute bit (mode 600). Not supported for Windows containers.',
  },
  'dockerfile.ADD.--link': {
    title: 'ADD --link',
    summary: 'Adds the files into an independent layer that does not depend on the layers below.',
    body: 'As with `COPY --link`: the files are written to an empty directory that becomes a layer on top of the previous ones, so BuildKit can reuse it when earlier steps or the base image change. The destination path cannot follow symlinks from earlier layers and is created as plain directories. Needs Dockerfile syntax 1.4.',
  },
  'dockerfile.ADD.--keep-git-dir': {
    title: 'ADD --keep-git-dir',
    summary: 'Keeps the .git directory when the source is a Git repository.',
    body: 'When the source is a Git URL (`https://…/repo.git#ref` or SSH), BuildKit adds the checked-out files without `.git` by default; `--keep-git-dir=true` keeps it, for builds that need the history, such as `git describe`. The history then becomes part of the image layer.',
  },
  'dockerfile.ADD.--exclude': {
    title: 'ADD --exclude',
    summary: 'Leaves out files matching a pattern, even when a source pattern matches them.',
    body: 'As with `COPY --exclude`: Go `filepath.Match` wildcards, repeatable, for this instruction only. Needs Dockerfile syntax 1.19 (earlier only in the `-labs` syntax).',
  },
  'dockerfile.ADD.--unpack': {
    title: 'ADD --unpack',
    summary: 'Chooses whether a tar archive is unpacked into the destination.',
    body: 'By default a local tar archive (also gzip, bzip2, xz) is unpacked and a remote one (a URL) is saved as the file itself; `--unpack=true` unpacks a download, `--unpack=false` keeps a local archive as a file. Needs Dockerfile syntax 1.17.',
  },
  'dockerfile.LABEL': {
    title: 'LABEL',
    summary: 'Adds key-value metadata to the image.',
    body: 'Labels are visible in `docker inspect` and can be used in filters. Containers also carry labels; Compose uses them to remember each container\'s project and service.',
  },
  'dockerfile.STOPSIGNAL': {
    title: 'STOPSIGNAL',
    summary: 'The signal docker stop sends first, instead of SIGTERM.',
    body: 'It is sent to PID 1 in the container\'s PID namespace; after the grace period Docker sends SIGKILL. Set it to what your program expects for a clean shutdown (for example `SIGQUIT` for nginx\'s graceful stop).',
  },
  'dockerfile.HEALTHCHECK': {
    title: 'HEALTHCHECK',
    summary: 'A command Docker runs inside the container periodically to decide whether it is healthy.',
    body: 'The check runs in the container\'s namespaces and cgroup, so it uses the container\'s CPU and memory. Exit 0 means healthy, 1 unhealthy. The status shows in `docker ps`; Docker itself does not restart an unhealthy container (Swarm does).',
  },
  'dockerfile.HEALTHCHECK.--interval': {
    title: 'HEALTHCHECK --interval',
    summary: 'Time between health checks (default 30s).',
    body: 'Shorter intervals detect failure sooner but cost more CPU inside the container\'s cgroup.',
  },
  'dockerfile.HEALTHCHECK.--timeout': {
    title: 'HEALTHCHECK --timeout',
    summary: 'How long one check may run before it counts as failed (default 30s).',
    body: 'A check that hangs, for example on a network call, fails after this time.',
  },
  'dockerfile.HEALTHCHECK.--start-period': {
    title: 'HEALTHCHECK --start-period',
    summary: 'Grace time after start during which failures do not count (default 0s).',
    body: 'A success during this period marks the container healthy at once.',
  },
  'dockerfile.HEALTHCHECK.--retries': {
    title: 'HEALTHCHECK --retries',
    summary: 'Consecutive failures needed before the container is marked unhealthy (default 3).',
    body: 'A single slow or failed check does not flip the status.',
  },
  'dockerfile.HEALTHCHECK.--start-interval': {
    title: 'HEALTHCHECK --start-interval',
    summary: 'Time between checks during the start period.',
    body: 'Lets a container be marked healthy quickly after start without checking often afterwards. Needs a recent Docker Engine.',
  },
  'dockerfile.SHELL': {
    title: 'SHELL',
    summary: 'Changes the shell used by shell-form RUN, CMD and ENTRYPOINT (default ["/bin/sh", "-c"]).',
    body: 'For example `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` makes pipelines fail when any part fails. The chosen shell becomes PID 1 for shell-form CMD and ENTRYPOINT.',
  },
  'dockerfile.ONBUILD': {
    title: 'ONBUILD',
    summary: 'Stores an instruction to run later, when another image is built FROM this one.',
    body: 'The trigger runs at the start of the child image\'s build, which can be surprising to people using the image. It has no effect on the image that declares it.',
  },
  'dockerfile.MAINTAINER': {
    title: 'MAINTAINER (deprecated)',
    summary: 'Sets the author field of the image; deprecated in favour of a label.',
    body: 'Use `LABEL org.opencontainers.image.authors="..."` instead. It has no effect on how containers run.',
  },
};
