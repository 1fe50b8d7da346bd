#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

/// The newest version: highest major, then minor, then patch.
pub fn newest(mut versions: Vec<Version>) -> Option<Version> {
    versions.sort();
    versions.pop()
}

#[cfg(test)]
mod tests;
