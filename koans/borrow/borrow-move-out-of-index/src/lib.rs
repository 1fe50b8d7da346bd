pub struct Team {
    pub members: Vec<String>,
}

impl Team {
    /// The captain is the first member; a team without members has "nobody".
    pub fn captain(&self) -> String {
        if self.members.is_empty() {
            return "nobody".to_string();
        }
        self.members[0]
    }
}

#[cfg(test)]
mod tests;
